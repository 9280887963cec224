"""Thin Streamlit page scripts and the helpers they share."""
