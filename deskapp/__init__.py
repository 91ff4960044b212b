"""deskapp: a desktop workstation for a customer-support desk."""

__version__ = "0.1.0"
