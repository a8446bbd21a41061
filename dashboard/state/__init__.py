"""What a page knows before it draws: filters, URL and sidebar, labels, the page context."""
