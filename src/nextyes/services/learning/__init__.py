"""Learning from the noes: feedback themes, insights, the plan, practice and stories."""
