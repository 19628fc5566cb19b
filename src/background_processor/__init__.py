"""Entry-point package for the processor Lambda function."""
