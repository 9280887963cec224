"""Praxis knowledge base: catalogue, vectors, embedders and hybrid search.

Import what you need from its modules (``kb.knowledge_base``, ``kb.request`` …); the
package itself loads nothing, so a small helper such as ``kb.text`` stays light and the
thread pools of FAISS and the embedder are sized (``kb.threads``) before they load.
"""
