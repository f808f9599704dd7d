from tests.ingest.helpers import stub_classifier

__all__ = ["stub_classifier"]
