"""The case editor: its three parts (Art. 5-7), the steps of the route, the history, the complaint folder."""
