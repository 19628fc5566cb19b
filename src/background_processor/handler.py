"""Lambda handler module for the processor function
(``background_processor.handler.lambda_handler``)."""

from qila.processor.handler import lambda_handler

__all__ = ["lambda_handler"]
