// Re-runs the page's loaders when the server announces a recorded sale, so the organizer
// dashboard's figures follow the market live. Bursts are folded into one reload per second.
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
    socket.on('sales:recorded', () => {
      timer ??= setTimeout(() => {
        timer = undefined
        void revalidateRef.current()
      }, 1000)
    })
    return () => {
      clearTimeout(timer)
      socket.close()
    }
  }, [])
}
