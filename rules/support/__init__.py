"""What several rules share: lexicons, table look-ups and line helpers.

Rules import support, never each other; support imports the engine only.
"""
