"""The benchmark (``make bench``) and its synthetic study generator."""
