"""The OpenSearch backend (a cluster): the same interface over the official client."""
