"""coatlas: computer-assisted qualitative content analysis of health-care co-production.

The core library never imports the CLI or the web app; both are thin layers on top.
"""

__version__ = "0.2.0"
