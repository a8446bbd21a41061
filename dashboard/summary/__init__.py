"""The Summary page: headline facts and the paragraph that states them."""
