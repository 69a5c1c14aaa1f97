"""The JSON API's schemas (pydantic): XCreate, XUpdate and XPublic per feature."""
