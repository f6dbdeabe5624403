"""Request bodies: what each route accepts, validated before anything is decided."""
