"""dateline: dated news in, a time-resolved record of who said and did what, to whom, when and where."""
