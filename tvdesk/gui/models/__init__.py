"""Qt item models over the core's domain objects. They know nothing of the widgets."""
