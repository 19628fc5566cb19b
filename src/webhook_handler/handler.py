"""Lambda handler module for the webhook function (``webhook_handler.handler.lambda_handler``)."""

from qila.webhook.handler import lambda_handler

__all__ = ["lambda_handler"]
