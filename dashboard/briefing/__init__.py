"""The briefing pack: every table and figure of a view, labelled once, as CSVs, a workbook and
an HTML report; its buttons and the filters in force in words."""
