"""Pages that read every practice app: the caseload dashboard, the trajectory overview and
the family's pages (/mijn/). Sits above safety_plans and below demo."""
