"""thesiskit: publish a thesis as a citable website and PDF, with a citation and anonymity gate."""

__version__ = "0.1.0"
