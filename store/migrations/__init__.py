"""The store's Alembic migrations (versions/), configured in code by store.db.

HEAD names the newest revision so that opening an up-to-date store can tell it needs
nothing without importing Alembic (a third of a second of start-up);
tests/test_migrations.py keeps it equal to the head Alembic computes from versions/.
"""
HEAD = "0011"
