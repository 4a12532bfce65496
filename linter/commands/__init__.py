"""The CLI's subcommands that live in their own module (``linter.cli`` registers them)."""
