"""Pure domain code: vocabulary, case model, timeline engine. No I/O here."""
