"""Events over time: the figures of the Trends, Topics and Parties pages (and the briefing pack)."""
