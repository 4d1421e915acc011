"""directed"""
