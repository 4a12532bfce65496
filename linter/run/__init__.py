"""The runs: what ``check`` (:mod:`linter.run.check`) and ``clean``
(:mod:`linter.run.clean`) do to a stream of documents, through :mod:`linter.executor`."""
