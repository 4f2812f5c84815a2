"""Pure models, one module per cause. No widgets, no text, no plotting here."""
