"""The Drafts page: read an uploaded document in memory and draft its records."""
