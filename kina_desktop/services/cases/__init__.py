"""Cases: registering, reading, editing, the steps of the route (Art. 5-7), the list and its views, the history and the complaint folder."""
