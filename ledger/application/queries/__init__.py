"""Read queries the routes and the command line use beside single resources."""
