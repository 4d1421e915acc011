"""inductive"""
