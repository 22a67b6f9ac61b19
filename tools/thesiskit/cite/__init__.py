"""Citations: the bibliography, the Pandoc citation scanner and citeproc rendering."""
