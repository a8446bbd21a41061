"""The Cases and Case pages: enforcement cases and the totals that sources state beside them."""
