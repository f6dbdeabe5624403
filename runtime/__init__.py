"""Settings and the one bootstrap that builds and starts everything."""
