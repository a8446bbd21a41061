"""What a reader takes away as files: CSV, XLSX, HTML and zip bytes, and their file names."""
