"""The instructor's commands: the command line (`cli`), the class report (`report`), the LMS's gradebook import
files (`lms`), the demo's students (`samples`)."""
