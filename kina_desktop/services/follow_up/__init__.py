"""Follow-up (Art. 8): statistics, improvement projects, the annual report, the director's register export."""
