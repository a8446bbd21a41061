"""The root of every error the project raises on purpose.

Polars raises one family (every error derives from ``PolarsError``); so does this project:
``EtlError`` (the ETL), ``WarehouseError`` (queries and connections) and ``DashboardError``
(uploads, exports) all derive from :class:`ObservatoryError`, so a caller can catch the
project's refusals without catching its bugs. The root lives in the warehouse package, the
bottom layer that the ETL and the dashboard both import already, so neither has to import
the other's internals to share it; this module imports nothing.
"""

from __future__ import annotations


class ObservatoryError(Exception):
    """Base class of every error the ETL, the warehouse and the dashboard raise on purpose."""
