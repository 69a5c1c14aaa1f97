"""Team mode's organisations (career centres): members, groups, joining, leaving, single
sign-on (`sso`), and cohort figures over consenting members that name nobody (`cohort`)."""
