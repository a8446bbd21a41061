"""The Bodies and Body pages: institutions, their meetings and reports, evidence of activity."""
