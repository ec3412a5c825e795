"""boardpapers: board and committee papers into a queryable record of attendance,
decisions and actions. This package is the command line; the work is done by the
`ingest`, `extract`, `store` and `reports` packages."""
__version__ = "0.2.0"
