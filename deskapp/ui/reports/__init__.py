"""The Reports tab (supervisors, managers, administrators), its charts and exports."""
