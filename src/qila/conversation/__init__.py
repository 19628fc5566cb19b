"""Talking with people: commands, languages, limits, the repeat cache and multi-part forwards.

The processor asks :class:`~qila.conversation.service.Conversation` what to answer to each job;
the analysis stays pure and knows nothing of senders or history.
"""
