"""Writers of what a tour prints and shares: PDF (reportlab), Excel (openpyxl), iCalendar."""
