"""Entry-point package for the webhook Lambda function."""
