"""The dashboard's errors: one base, itself in the project's one family."""

from __future__ import annotations

from warehouse.errors import ObservatoryError


class DashboardError(ObservatoryError):
    """Base class of every error the dashboard raises on purpose."""
