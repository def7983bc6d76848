// Re-runs the page's loaders when the server announces a recorded sale, so the organizer
// dashboard's figures follow the market live. Bursts are folded into one reload per second (the
// year totals are a query; a busy market records several sales a second). Sales recorded while the
// socket was away are not replayed (no connection-state recovery), so a reconnect reloads too.
import { useEffect, useRef } from 'react'
import { useRevalidator } from 'react-router'
import { io } from 'socket.io-client'

export function useRevalidateOnSales() {
  const { revalidate } = useRevalidator()
  const revalidateRef = useRef(revalidate)
  revalidateRef.current = revalidate
  useEffect(() => {
    const socket = io({ transports: ['websocket'] })
    let timer: ReturnType<typeof setTimeout> | undefined
    let connectedBefore = false
    const reloadSoon = () => {
      timer ??= setTimeout(() => {
        timer = undefined
        void revalidateRef.current()
      }, 1000)
    }
    socket.on('sales:recorded', reloadSoon)
    socket.on('connect', () => {
      if (connectedBefore) reloadSoon()
      connectedBefore = true
    })
    return () => {
      clearTimeout(timer)
      socket.close()
    }
  }, [])
}
