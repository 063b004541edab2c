"""The Whoosh backend (embedded, the default): its store, builder, writer, matcher and ranker."""
