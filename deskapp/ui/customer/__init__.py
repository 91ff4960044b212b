"""The customer-history pane and its model."""
