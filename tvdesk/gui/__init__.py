"""The Qt desktop: screens, Qt item models, widgets. Depends on the core, never the reverse."""
