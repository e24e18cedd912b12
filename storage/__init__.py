"""Storage shared by the API and the workers: models, sessions and data access.

Imports neither Flask nor Celery, so both adapters (and the CLI) can use it.
"""
